"""Report readers: every format becomes raw rows, one assembler makes them a Report."""
