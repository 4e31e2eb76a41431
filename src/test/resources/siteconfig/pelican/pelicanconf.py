#!/usr/bin/env python
# -*- coding: utf-8 -*- #
from __future__ import unicode_literals
import os

PRODUCTION = os.environ.get('PRODUCTION') == '1'

AUTHOR = u'Ana Ruiz'
SITENAME = u"Weekly Field Notes"
SITEURL = 'https://notes.example.org' if PRODUCTION else 'http://localhost:8000'

PATH = 'content'
TIMEZONE = 'America/New_York'
DEFAULT_LANG = u'en'

ARTICLE_URL = 'blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/'
NOTEBOOK_DIR = 'downloads/notebooks'
DEFAULT_PAGINATION = 10
