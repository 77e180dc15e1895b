import Charts

/// HTML text: escaping and the page frame shared by every dashboard page.
enum HTML {
    /// `text` safe in HTML text and attribute values (lot ids come from PLCs).
    static func escape(_ text: String) -> String { SVGText.escape(text) }

    /// A whole page: no external assets, refreshes itself every `refreshSeconds`, large type
    /// for a shop-floor screen read from a few metres.
    static func page(title: String, line: String, refreshSeconds: Int, generated: Double, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="\(refreshSeconds)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) - LineGuard</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><span class="brand">LineGuard</span> <span class="line">\(escape(line))</span>
        <nav><a href="/">Line</a> <a href="/held">Held lots</a></nav>
        <span class="clock">updated \(escape(TimeText.iso(generated))) &middot; refreshes every \(refreshSeconds) s</span></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static let style = """
        body{margin:0;font-family:'DejaVu Sans',Verdana,Arial,sans-serif;background:#f2f2f2;color:#1a1a1a;font-size:20px}\
        header{background:#1a1a1a;color:#fff;padding:14px 24px;display:flex;gap:28px;align-items:baseline;flex-wrap:wrap}\
        header .brand{font-weight:bold;font-size:26px}header .line{font-size:24px}\
        header nav a{color:#fff;margin-right:18px;font-size:22px}header .clock{margin-left:auto;font-size:16px;color:#ccc}\
        main{padding:20px 24px}h1{font-size:32px;margin:8px 0 16px}h2{font-size:26px;margin:26px 0 12px}\
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:18px}\
        .tile{border-radius:10px;padding:18px 20px;color:#fff;text-decoration:none;display:block;min-height:150px}\
        .tile h2{margin:0 0 6px;font-size:30px}.tile .state{font-size:24px;font-weight:bold;margin-bottom:8px}\
        .tile ul{margin:0;padding-left:22px;font-size:18px}.tile a{color:#fff}\
        .green{background:#1b7a35}.amber{background:#b26a00}.red{background:#b71c1c}.grey{background:#616161}\
        table{border-collapse:collapse;background:#fff;width:100%;font-size:19px}\
        th,td{border-bottom:1px solid #ddd;padding:8px 12px;text-align:left}th{background:#e0e0e0}\
        td.num{text-align:right;font-variant-numeric:tabular-nums}\
        .badge{display:inline-block;padding:2px 10px;border-radius:6px;color:#fff;font-weight:bold}\
        .chart{background:#fff;padding:8px;border-radius:8px}.chart svg{width:100%;height:auto}\
        .empty{color:#555;font-style:italic}td.time,td.lot{white-space:nowrap}
        """
}
