"""The other elements found in a report's text: placeholders (masked figures and names) and
campaigns (formulas, quoted names, lexicon names).
"""
