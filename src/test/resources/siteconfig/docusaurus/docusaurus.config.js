const siteURL = process.env.URL || "https://helm.example.org";

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: "Helm",
  tagline: "The package manager for Kubernetes",
  url: siteURL,
  baseUrl: "/",
  themeConfig: { navbar: { title: "Helm" } },
};

export default config;
