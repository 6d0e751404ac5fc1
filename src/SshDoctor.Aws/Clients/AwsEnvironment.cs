namespace SshDoctor.Aws.Clients;

/// <summary>The environment variables the AWS CLI reads, behind one seam so resolution can be unit-tested.</summary>
public sealed class AwsEnvironment(Func<string, string?> get)
{
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? Get(string name) => get(name) is { Length: > 0 } v ? v : null;

    public string? Profile => Get("AWS_PROFILE") ?? Get("AWS_DEFAULT_PROFILE");
    public string? Region => Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION");
    public bool HasKeys => Get("AWS_ACCESS_KEY_ID") is not null && Get("AWS_SECRET_ACCESS_KEY") is not null;
    public bool MetadataDisabled => string.Equals(Get("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);
}
