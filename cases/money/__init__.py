"""Follow the money (#21): benefit payments checked against the registers, findings raised as clues.

It lives under cases/ because its findings become cases: the rules route them like villagers' reports.
"""
