"""Input and output at the file system: reading report files of every format (with their
encodings) and writing files atomically.
"""
