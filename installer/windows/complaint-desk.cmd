@echo off
rem complaint-desk: the desktop app and its admin verbs (complaint-desk admin --help).
rem -X utf8: output (admin list --json, ...) is UTF-8 whatever the Windows code page.
"%~dp0python\python.exe" -X utf8 -m ui.main %*
