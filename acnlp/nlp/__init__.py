"""The Ukrainian text backbone: tokenisation, lemmas and tags behind one interface."""
