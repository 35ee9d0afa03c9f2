"""Stages 2-3 for minutes: page lines -> agenda items, sections, people, decisions and their outcome."""
