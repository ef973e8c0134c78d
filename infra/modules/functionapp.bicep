// The function app: Flex Consumption (Linux), .NET isolated worker, system-assigned identity. The host and the queue
// triggers reach storage through AzureWebJobsStorage with that identity; settings name the account and endpoints, and
// secrets are Key Vault references. The API and the pages (function Pages, route app/{*path}) are HTTP functions here.
param location string
param name string
param storageAccountName string
param cosmosEndpoint string
param cosmosDatabase string
param masterKeyUri string
param encryptionKeyUri string
param insightsConnectionString string

@description('Client id of the Entra ID app registration whose app roles (coder, site-researcher, site.<id>, study.<id>, …) sign people in. Empty: nobody can sign in until it is set.')
param entraClientId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  name: '${storageAccountName}/default/app-package'
  properties: { publicAccess: 'None' }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}app-package'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      // Flex Consumption takes the runtime here, not from FUNCTIONS_WORKER_RUNTIME (a deprecated setting on this plan).
      // 10.0 matches the app's net10.0: Flex Consumption lists dotnet-isolated 10.0 (end of life November 2028); the
      // list is per region, so check the target region with Get-AzFunctionAppFlexConsumptionRuntime -Location.
      runtime: { name: 'dotnet-isolated', version: '10.0' }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
        // The host's own telemetry: Application Insights has local auth off, so it must sign in with the identity too.
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'Pipeline__TelemetryManagedIdentity', value: 'true' }
        { name: 'Pipeline__StorageConnection', value: storageAccountName }
        { name: 'Pipeline__CosmosEndpoint', value: cosmosEndpoint }
        { name: 'Pipeline__CosmosDatabase', value: cosmosDatabase }
        { name: 'Pipeline__PseudonymMasterKey', value: '@Microsoft.KeyVault(SecretUri=${masterKeyUri})' }
        { name: 'Pipeline__KeyEncryptionKey', value: '@Microsoft.KeyVault(SecretUri=${encryptionKeyUri})' }
        // People sign in with Entra ID through App Service authentication; API keys are refused in Azure.
        { name: 'Pipeline__Authentication', value: 'AppService' }
        // The stalled-transcript sweep (HandOnStalledTranscripts): a message lost in hiding comes back after ten minutes anyway.
        { name: 'StalledTranscriptsSchedule', value: '0 */5 * * * *' }
      ]
    }
  }
  dependsOn: [ deployments ]
}

// App Service authentication: it signs people in with Entra ID and hands the app X-MS-CLIENT-PRINCIPAL with their app
// roles. Unauthenticated requests still reach the app, which answers 401 and points the pages at /.auth/login/aad.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(entraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: { requireAuthentication: false, unauthenticatedClientAction: 'AllowAnonymous' }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: { allowedAudiences: [ 'api://${entraClientId}', entraClientId ] }
      }
    }
    login: { tokenStore: { enabled: true } }
  }
}

output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
