"""Urdu language pack (Arabic script, Nastaliq conventions): data only, in the YAML files beside this one."""
