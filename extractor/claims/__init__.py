"""Quantified claims: units, numbers with their units (figures), the words around them
(hedges, changes, targets, time references) and the claims assembled from them.
"""
