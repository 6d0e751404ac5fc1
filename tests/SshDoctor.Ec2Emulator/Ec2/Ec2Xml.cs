using System.Globalization;
using System.Xml.Linq;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>EC2's XML: elements in the 2016-11-15 namespace, lists as NAMESet/item, times in ISO 8601 UTC.</summary>
internal static class Ec2Xml
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>An element; null content items are dropped, so optional fields are simply left out.</summary>
    public static XElement E(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null).Select(Value));

    /// <summary>An optional scalar: no element when the value is null.</summary>
    public static XElement? Opt(string name, object? value) => value is null ? null : E(name, value);

    public static XElement Set(string name, IEnumerable<XElement> items) => E(name, items.Select(i => E("item", i.Elements().Cast<object>().ToArray())));
    public static XElement Items(string name, IEnumerable<object?[]> items) => E(name, items.Select(i => E("item", i)).Cast<object>().ToArray());

    private static object Value(object? c) => c switch
    {
        bool b => b ? "true" : "false",
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        _ => c!,
    };

    public static string Document(string action, string requestId, params object?[] content) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + E(action + "Response", [E("requestId", requestId), .. content]).ToString(SaveOptions.DisableFormatting);

    /// <summary>EC2's error document (not namespaced): Response/Errors/Error/Code+Message, then RequestID.</summary>
    public static string Error(string code, string message, string requestId) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", requestId)).ToString(SaveOptions.DisableFormatting);
}
