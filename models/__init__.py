"""Models shipped with acnlp. Installed as the ``acnlp.models`` package so every install has them."""
