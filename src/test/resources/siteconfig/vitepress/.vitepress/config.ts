import { defineConfigWithTheme } from 'vitepress'
import type { Config as ThemeConfig } from '@vue/theme'
// title: 'Not this one, a comment'
const base = process.env.BASE || '/'

export default defineConfigWithTheme<ThemeConfig>({
  /* the site's own: */
  lang: 'zh-CN',
  title: 'Vue.js',
  'description': "渐进式 JavaScript 框架",
  base,
  head: [['meta', { property: 'og:title', content: 'Not the title' }]],
  themeConfig: {
    nav: [{ text: 'Guide', link: '/guide/' }],
    footer: { title: 'Not the title either' }
  },
  transformHead: async ({ pageData }) => ({ title: `${pageData.title}` })
})
