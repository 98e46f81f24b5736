{#- Cover of the print view and the PDF: the article's title, author, date and source. -#}
<div class="print-cover">
  {#- Not a heading: the home page's h1 carries the title, and the PDF's bookmarks come from headings. -#}
  <p class="print-cover__title">这波可以，终于有内行人把 GPT-4 说透了。</p>
  <p class="print-cover__subtitle">GPT-4 十问十答</p>
  <table class="print-cover__meta">
    <tr><th scope="row">作者</th><td>冉昱（腾讯算法工程师）</td></tr>
    <tr><th scope="row">发布</th><td>腾讯云开发者</td></tr>
    <tr><th scope="row">日期</th><td>2023-03-16</td></tr>
    <tr><th scope="row">来源</th><td>腾讯云开发者的原创文章；本站据其转载稿整理，原始发布地址未知</td></tr>
    <tr><th scope="row">站点</th><td><a href="{{ config.site_url }}">{{ config.site_url }}</a></td></tr>
  </table>
  <p class="print-cover__note">原文逐字保留；图注、替代文字与“编者注”为编者所加。</p>
</div>
