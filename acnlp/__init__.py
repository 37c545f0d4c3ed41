"""acnlp: reads Ukrainian anti-corruption program reports and tells an auditor what was really done."""
