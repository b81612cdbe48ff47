"""Build: the one check -> derive -> render -> write flow, external engines behind one conversion cache, the writer."""
