// Jest setup for the bundle-addon project: every bundle test runs again with the add-on deployment.
process.env.BUNDLE_DEPLOYMENT = 'addon';
