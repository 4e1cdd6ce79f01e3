"""Amministrazione: operators, access rules, backups and privacy.

Visible to everyone; each service decides who may do what and its refusal is shown as
it words it.
"""
