"""Failure what-if: what each failure does to every service, and whether the survivors can carry it."""
