"""Text utilities every step shares: the length-keeping fold, sentence and clause boundaries,
Chinese and Arabic numerals, and regex helpers.
"""
