"""The chapter register: which chapters exist, their settings and languages."""
