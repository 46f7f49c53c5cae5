@echo off
rem complaint-desk: the desktop app and its admin verbs (complaint-desk admin --help).
"%~dp0python\python.exe" -m ui.main %*
