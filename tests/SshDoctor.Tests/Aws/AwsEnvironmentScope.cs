namespace SshDoctor.Tests.Aws;

/// <summary>The SDK reads the shared files' locations and endpoint overrides from the process environment: tests that set them run one at a time.</summary>
[CollectionDefinition("aws-process-environment", DisableParallelization = true)]
public sealed class AwsProcessEnvironment;

/// <summary>Sets AWS_* variables (and temporary shared config/credentials files) for one test, then restores them.</summary>
internal sealed class AwsEnvironmentScope : IDisposable
{
    private static readonly string[] Names =
    [
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_SSM", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ];

    private readonly Dictionary<string, string?> _saved = new();

    /// <summary>
    /// The SDK's SharedCredentialsFile takes AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE once per process (static
    /// constructor, only if the files exist then): one directory for the whole test run, its files rewritten per test.
    /// </summary>
    private static readonly string SharedDir = Directory.CreateTempSubdirectory("sshdoctor-aws-").FullName;

    public string Dir => SharedDir;

    public AwsEnvironmentScope(string config = "", string credentials = "")
    {
        foreach (var n in Names)
        {
            _saved[n] = Environment.GetEnvironmentVariable(n);
            Environment.SetEnvironmentVariable(n, null);
        }
        File.WriteAllText(Path.Combine(Dir, "config"), config);
        File.WriteAllText(Path.Combine(Dir, "credentials"), credentials);
        Set("AWS_CONFIG_FILE", Path.Combine(Dir, "config"));
        Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Dir, "credentials"));
        Set("AWS_EC2_METADATA_DISABLED", "true");
    }

    public AwsEnvironmentScope Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (n, v) in _saved) Environment.SetEnvironmentVariable(n, v);
        File.WriteAllText(Path.Combine(Dir, "config"), "");
        File.WriteAllText(Path.Combine(Dir, "credentials"), "");
    }
}
