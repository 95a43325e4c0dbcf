import { activationSuite, fixture } from "./activation-suite.test-helper.js";
import { Identity } from "./identity.js";

activationSuite("Identity", "Provided:", () => new Identity(), fixture.identity);
