using Microsoft.AspNetCore.Routing;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Http;

/// <summary>The HTTP function a request is for, and the values its route template captured.</summary>
public sealed record RouteMatch(HttpFunction Function, RouteValueDictionary Values);
