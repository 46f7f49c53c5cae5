@echo off
rem complaint-desk-hq: the HQ service and its admin verbs.
"%~dp0python\python.exe" -X utf8 -m hq %*
