"""The outline of a report: page layout, sections (headings), measures (enumerated and lead
items), section kinds and periods.
"""
