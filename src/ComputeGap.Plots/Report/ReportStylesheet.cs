namespace ComputeGap.Plots.Report;

/// <summary>The page's only stylesheet, inline: system fonts, tables that scroll sideways on a narrow screen, and a print layout without the contents and with no figure or table split across pages.</summary>
internal static class ReportStylesheet
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff;
               max-width: 75rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0.6rem 0 0.2rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 0.3rem; padding-bottom: 0.15rem; border-bottom: 1px solid #bbb; }
        p { margin: 0.3rem 0; max-width: 60rem; }
        p.made, p.about, figcaption { color: #444; }
        p.sub { margin: 0.7rem 0 0.1rem 1rem; font-weight: 600; }
        p.line { margin: 0 0 0 1rem; white-space: pre-wrap; }
        nav ol { columns: 2; margin: 0.3rem 0; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.2rem 0.65rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #777; }
        table.facts th { font-weight: 600; white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        ul.packed { list-style: none; margin: 0.1rem 0 0.6rem 1.5rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1.4rem; }
        figure { margin: 1.2rem 0; break-inside: avoid; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid #ddd; }
        figcaption { font-size: 0.9rem; margin-top: 0.2rem; }
        footer { margin-top: 3rem; color: #555; font-size: 0.85rem; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          .scroll { overflow: visible; }
          h2 { break-after: avoid; }
          table, figure { break-inside: avoid; }
        }
        """;
}
