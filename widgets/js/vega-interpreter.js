// Vega's expression interpreter, beside the Vega bundle (vega.js, made by vl-convert): with it
// Vega evaluates a chart's expressions from their parsed form instead of compiling them with
// `new Function`, so charts draw under the site's Content-Security-Policy without 'unsafe-eval'
// (static/chart.js passes it to vegaEmbed as `{ast: true, expr}`).
export { expressionInterpreter } from "vega-interpreter";
