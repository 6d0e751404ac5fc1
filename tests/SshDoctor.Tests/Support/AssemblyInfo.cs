// The unit tests build real trees with Unix modes and owners.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
