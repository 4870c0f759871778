"""Building blocks shared by every domain: authorization, mail, tokens, choices, audit."""
