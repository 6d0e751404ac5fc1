namespace SshDoctor.Cli.Commands;

/// <summary>--format: human text, one indented JSON document (--json), or one document per line (fleet reports).</summary>
public enum OutputFormat { Text, Json, JsonLines }
