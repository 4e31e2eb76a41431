import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Pages in src',
  srcDir: 'src',
})
