"""Analysis over many reports: comparison across periods, its plots, the indicator table,
word segmentation for keyword trends, and the evaluation against annotations.
"""
