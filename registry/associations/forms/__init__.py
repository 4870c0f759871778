"""Forms of the association wizard; they validate input and never touch the database."""
