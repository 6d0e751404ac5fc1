using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// The SDK loads the STS, SSO and SSO-OIDC clients by reflection when a profile assumes a role or uses IAM Identity
/// Center; under Native AOT those types are trimmed away, so they are registered here, once per process, through the
/// SDK's own registry (Amazon.RuntimeDependencies.GlobalRuntimeDependencyRegistry).
/// </summary>
internal static class AwsRuntimeDependencies
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSecurityTokenServiceClient(context =>
        {
            var data = context.SecurityTokenServiceClientContextData;
            var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is not null) config.SetWebProxy(data.ProxySettings);
            // AssumeRoleWithWebIdentity and SAML sign nothing with the caller's credentials.
            return data.Action == SecurityTokenServiceClientContext.ActionContext.AssumeRoleAWSCredentials
                ? new AmazonSecurityTokenServiceClient(config)
                : new AmazonSecurityTokenServiceClient(new Amazon.Runtime.AnonymousAWSCredentials(), config);
        });
        registry.RegisterSSOClient(context =>
        {
            var data = context.SSOClientContextData;
            var config = new AmazonSSOConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is not null) config.SetWebProxy(data.ProxySettings);
            return new AmazonSSOClient(new Amazon.Runtime.AnonymousAWSCredentials(), config);
        });
        registry.RegisterSSOOIDCClient(context =>
        {
            var data = context.SSOOIDCClientContextData;
            var config = new AmazonSSOOIDCConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is not null) config.SetWebProxy(data.ProxySettings);
            return new AmazonSSOOIDCClient(new Amazon.Runtime.AnonymousAWSCredentials(), config);
        });
    }
}
