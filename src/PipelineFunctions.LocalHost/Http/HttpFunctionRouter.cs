using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Http;

/// <summary>
/// Finds the HTTP function for a request with ASP.NET Core's own template matching: routePrefix + route, catch-alls,
/// methods; the most specific template first, as the Functions host orders them.
/// </summary>
public sealed class HttpFunctionRouter
{
    readonly List<(HttpFunction Function, TemplateMatcher Matcher)> _routes;

    public HttpFunctionRouter(FunctionCatalog catalog, HostJsonOptions host)
    {
        _routes = catalog
            .Http.Select(f =>
                (
                    Function: f,
                    Template: TemplateParser.Parse(
                        string.Join('/', new[] { host.RoutePrefix, f.Route }.Where(s => s.Length > 0))
                    )
                )
            )
            .OrderBy(r => RoutePrecedence.ComputeInbound(r.Template))
            .Select(r => (r.Function, new TemplateMatcher(r.Template, new RouteValueDictionary())))
            .ToList();
    }

    public RouteMatch? Match(string method, PathString path)
    {
        foreach (var (function, matcher) in _routes)
        {
            if (function.Methods.Count > 0 && !function.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
                continue;
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(path, values))
                return new(function, values);
        }
        return null;
    }
}
