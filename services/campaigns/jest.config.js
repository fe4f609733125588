module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'campaigns',
  rootDir: __dirname,
};
