using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>
/// Parameter Store: PutParameter and GetParameter for String and SecureString (StringList is kept as text). A
/// SecureString read without WithDecryption answers a stand-in ciphertext (base64, never the value), as SSM answers
/// the KMS ciphertext; with it, the value. Names: 1 to 2048 of [a-zA-Z0-9_.-/], not beginning with aws or ssm;
/// values: at most 4096 characters (the standard tier). A missing name is ParameterNotFound; an existing one without
/// Overwrite is ParameterAlreadyExists.
/// </summary>
internal sealed class ParameterStore(EmulatorState state)
{
    public const int MaxValue = 4096;
    private readonly ConcurrentDictionary<string, Parameter> _parameters = new(StringComparer.Ordinal);

    private sealed record Parameter(string Name, string Type, string Value, long Version, DateTime Modified);

    private static ApiError Invalid(string what) => new(400, "ValidationException", "1 validation error detected: " + what);

    private static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw Invalid("Value null at 'name' failed to satisfy constraint: Member must not be null");
        if (name.Length > 2048 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/'))
            throw Invalid($"Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.\\-/]+");
        var first = name.TrimStart('/');
        if (first.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || first.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
            throw Invalid("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
    }

    public JsonObject Put(JsonObject body)
    {
        var name = (string?)body["Name"];
        ValidateName(name);
        var value = (string?)body["Value"] ?? throw Invalid("Value null at 'value' failed to satisfy constraint: Member must not be null");
        if (value.Length > MaxValue) throw Invalid($"Value at 'value' failed to satisfy constraint: Member must have length less than or equal to {MaxValue}");
        var type = (string?)body["Type"] ?? "String";
        if (type is not ("String" or "StringList" or "SecureString"))
            throw Invalid($"Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
        var overwrite = (bool?)body["Overwrite"] ?? false;
        var version = 1L;
        lock (_parameters)
        {
            if (_parameters.TryGetValue(name!, out var old))
            {
                if (!overwrite) throw new ApiError(400, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
                version = old.Version + 1;
            }
            _parameters[name!] = new Parameter(name!, type, value, version, DateTime.UtcNow);
        }
        return new JsonObject { ["Version"] = version, ["Tier"] = "Standard" };
    }

    public JsonObject Get(JsonObject body)
    {
        var name = (string?)body["Name"];
        ValidateName(name);
        if (!_parameters.TryGetValue(name!, out var p)) throw new ApiError(400, "ParameterNotFound", "");
        var decrypt = (bool?)body["WithDecryption"] ?? false;
        var value = p.Type == "SecureString" && !decrypt ? Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-kms-ciphertext:" + p.Version)) : p.Value;
        return new JsonObject
        {
            ["Parameter"] = new JsonObject
            {
                ["Name"] = p.Name,
                ["Type"] = p.Type,
                ["Value"] = value,
                ["Version"] = p.Version,
                ["LastModifiedDate"] = Math.Round((p.Modified - DateTime.UnixEpoch).TotalSeconds, 3),
                ["ARN"] = $"arn:aws:ssm:{state.Options.Region}:{state.Options.AccountId}:parameter/{p.Name.TrimStart('/')}",
                ["DataType"] = "text",
            },
        };
    }
}
