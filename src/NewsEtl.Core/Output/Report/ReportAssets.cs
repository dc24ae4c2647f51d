namespace NewsEtl.Output.Report;

/// <summary>The page's inline style and its one small script (the filters); nothing is loaded from elsewhere.</summary>
internal static class ReportAssets
{
    // Local font names only: a CJK face where the system has one, else the browser's default.
    public const string Style = """
        :root{--fg:#1f2328;--mute:#59636e;--line:#d1d9e0;--bg2:#f6f8fa;--acc:#0969da;--warn:#bc4c00;--del:#ffebe9;--delfg:#82071e;--ins:#dafbe1;--insfg:#116329}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1180px;padding:16px 24px 48px;color:var(--fg);background:#fff;font:14px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",sans-serif}
        h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:15px;margin:0 0 4px}
        .en{color:var(--mute);font-weight:normal}.zh{color:var(--mute)}
        a{color:var(--acc)}code{font:12px ui-monospace,monospace}
        .sub{color:var(--mute);margin:0}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(128px,1fr));gap:10px}
        .card{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--bg2)}
        .card .n{font-size:26px;font-weight:600}.card .l{font-size:13px}.card.attn .n{color:var(--warn)}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:12px 24px}
        figure{margin:0}figcaption{font-weight:600;margin:4px 0}
        svg.chart{max-width:100%;height:auto;font-size:12px}svg.chart rect{fill:#4a8fd6}svg.chart text{fill:var(--fg)}svg.chart .axis{stroke:var(--mute)}
        .tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:12px 24px;align-items:start}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
        th{background:var(--bg2);font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .warnings{color:var(--warn)}.empty,.more{color:var(--mute)}
        .filters{position:sticky;top:0;z-index:1;background:#fff;padding:8px 0;border-bottom:1px solid var(--line);display:flex;gap:16px;flex-wrap:wrap;align-items:center}
        .filters select{font:inherit;padding:2px 4px}
        section.record{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:10px 12px;margin:12px 0}
        section.record.r0{border-left-color:var(--warn)}
        .meta{color:var(--mute);margin:0 0 6px;overflow-wrap:anywhere}
        .flag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 8px;margin-right:4px;font-size:12px;background:var(--bg2);color:var(--fg)}
        .flag.attn{border-color:var(--warn);color:var(--warn)}
        table.repairs{table-layout:fixed;font-size:13px}
        table.repairs col.k{width:150px}table.repairs col.c{width:64px}table.repairs col.w{width:110px}
        table.repairs td.d{white-space:pre-wrap;overflow-wrap:anywhere}
        tr.low td.c{color:var(--warn);font-weight:700}tr.low td:first-child{box-shadow:inset 3px 0 var(--warn)}
        del{background:var(--del);color:var(--delfg);text-decoration:line-through;text-decoration-color:#82071e66}
        ins{background:var(--ins);color:var(--insfg);text-decoration:none}
        del:empty,ins:empty{display:none}
        .clip{color:var(--mute);font-size:12px}
        [hidden]{display:none!important}
        """;

    // Filters by repair kind and flag; also read from and written to the address (#kind=…&flag=…), so a filtered view can be linked.
    public const string Script = """
        (function(){
        var fk=document.getElementById('f-kind'),ff=document.getElementById('f-flag'),out=document.getElementById('f-count');
        function apply(){var k=fk.value,f=ff.value,n=0,m=0;
        document.querySelectorAll('section.record').forEach(function(s){var show=(!k||s.dataset.kinds.indexOf('|'+k+'|')>=0)&&(!f||s.dataset.flags.indexOf('|'+f+'|')>=0);s.hidden=!show;if(show)n++;
        s.querySelectorAll('.repair').forEach(function(r){var v=show&&(!k||r.dataset.kind===k);r.hidden=!v;if(v)m++;});});
        out.dataset.records=n;out.dataset.repairs=m;out.textContent='显示 '+n+' 条记录、'+m+' 处修复 · showing '+n+' records, '+m+' repairs';}
        function fromHash(){var p=new URLSearchParams(location.hash.slice(1));fk.value=p.get('kind')||'';ff.value=p.get('flag')||'';if(fk.selectedIndex<0)fk.value='';if(ff.selectedIndex<0)ff.value='';apply();}
        function toHash(){var p=new URLSearchParams();if(fk.value)p.set('kind',fk.value);if(ff.value)p.set('flag',ff.value);location.hash=p.toString();apply();}
        fk.onchange=ff.onchange=toHash;window.addEventListener('hashchange',fromHash);fromHash();
        })();
        """;
}
