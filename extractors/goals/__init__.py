"""Stages 2-3 for plans and reports: goals, follow-up rows, budget lines, and the links between them."""
