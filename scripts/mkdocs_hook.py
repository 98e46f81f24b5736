"""The file mkdocs.yml names under `hooks:`. MkDocs imports it by path, with this folder on
sys.path, so it can import the package; the build's state and steps live in gpt4qa.plugin.hook."""

from gpt4qa.plugin.hook import ArticleHook

_hook = ArticleHook()

on_startup = _hook.on_startup
on_config = _hook.on_config
on_files = _hook.on_files
on_env = _hook.on_env
on_nav = _hook.on_nav
on_page_markdown = _hook.on_page_markdown
on_page_content = _hook.on_page_content
on_page_context = _hook.on_page_context
on_post_page = _hook.on_post_page
on_post_template = _hook.on_post_template
on_post_build = _hook.on_post_build
