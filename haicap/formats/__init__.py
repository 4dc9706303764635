"""The platform's own number and date formats (`FORMAT_MODULE_PATH`), one module per language.

Django's defaults for Vietnamese spell dates out ("Ngày 2 tháng 12 năm 2026") and its English
ones are American (12/02/2026); a commune centre reads dd/mm/yyyy in both languages (ADR 17).
"""
