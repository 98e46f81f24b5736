"""Search data written at build time: the worker's vocabulary and Traditional / regional forms
(OpenCC), and the site's cut-down jieba dictionary. Pure: no MkDocs, no subprocess, no browser."""
