// pa11y drives Debian's Chromium (/usr/bin/chromium) in the tests: puppeteer must not
// download a browser of its own when npm installs it (the machines reach no such host).
module.exports = { skipDownload: true };
