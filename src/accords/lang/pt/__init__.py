"""Portuguese language pack (European and Brazilian usage): data only, in the YAML files beside this one."""
