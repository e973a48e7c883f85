using System.Globalization;
using System.Text;

namespace Vigil.Ingest.Tests.Formats.Zeek;

/// <summary>Builds Zeek TSV logs as Zeek's ASCII writer lays them out.</summary>
internal static class ZeekLogs
{
    public const string ConnHeader = """
        #separator \x09
        #set_separator	,
        #empty_field	(empty)
        #unset_field	-
        #path	conn
        #open	2024-03-05-10-00-00
        #fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	proto	service	duration	orig_bytes	local_orig	tunnel_parents
        #types	time	string	addr	port	addr	port	enum	string	interval	count	bool	set[string]

        """;

    public const string DnsHeader = """
        #separator \x09
        #set_separator	,
        #empty_field	(empty)
        #unset_field	-
        #path	dns
        #open	2024-03-05-11-00-00
        #fields	ts	uid	query	answers	TTLs	rejected
        #types	time	string	string	vector[string]	vector[interval]	bool

        """;

    public static string ConnLine(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $"{1709632800 + i}.{i % 1000:D6}\tC{i}\t10.0.0.{i % 250}\t{49152 + (i % 1000)}\t192.0.2.10\t443\ttcp\tssl\t0.5\t{i}\tT\t(empty)\n");

    public static string ConnLog(int lines)
    {
        var text = new StringBuilder(ConnHeader);
        for (var i = 0; i < lines; i++)
        {
            text.Append(ConnLine(i));
        }

        return text.Append("#close\t2024-03-05-11-00-00\n").ToString();
    }
}
