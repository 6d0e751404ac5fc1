using System.Text;
using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>design.md: with --json an error is a document on stdout too; the line stays on stderr.</summary>
public sealed record ErrorJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("error")] ErrorBodyJson Error,
    [property: JsonPropertyName("exit")] int Exit)
{
    [JsonPropertyName("result")] public string Result => "error";
}

public sealed record ErrorBodyJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("message")] string Message);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorJson))]
public sealed partial class ErrorJsonContext : JsonSerializerContext
{
    public static ErrorJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}

/// <summary>The id of the last error a command reported (set where the error is recognized).</summary>
public static class CliErrors
{
    [ThreadStatic] private static string? _lastId;
    [ThreadStatic] private static string? _lastMessage;

    public static string? LastId => _lastId;
    public static string? LastMessage => _lastMessage;

    public static void Record(string id, string? message = null)
    {
        _lastId = id;
        _lastMessage = message;
    }

    public static void Reset() => (_lastId, _lastMessage) = (null, null);
}

/// <summary>Passes writes through and remembers whether anything was written.</summary>
public sealed class WatchedWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();
    public bool Written { get; private set; }
    public string? LastLine { get; private set; }
    public override Encoding Encoding => inner.Encoding;
    /// <summary>The writer passed through (JsonOut streams to the process's stdout past this one).</summary>
    public TextWriter Inner => inner;

    /// <summary>Something was written to <see cref="Inner"/> directly.</summary>
    public void MarkWritten() => Written = true;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        Written = true;
        inner.Write(value);
        var start = 0;
        for (var nl = value.IndexOf('\n'); nl >= 0; nl = value.IndexOf('\n', start))
        {
            if (_line.Length < 4096) _line.Append(value, start, nl - start);
            LastLine = _line.ToString().TrimEnd('\r');
            _line.Clear();
            start = nl + 1;
        }
        if (_line.Length < 4096) _line.Append(value, start, Math.Min(value.Length - start, 4096));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + new string(CoreNewLine));

    public override void Flush() => inner.Flush();
}
