"""Text analysis for Our Voice, as a plain Python package.

It never imports Flask or ``app``: analysts can use it on a CSV on its own
(``python -m analysis``), and the web app calls it, never the other way round.
"""

__all__: list[str] = []
