// The lab drives Linux's sshd in a Linux mount namespace: nothing here runs elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
